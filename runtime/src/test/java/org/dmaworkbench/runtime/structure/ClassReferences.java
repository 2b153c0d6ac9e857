package org.dmaworkbench.runtime.structure;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classes a compiled class refers to, read from its constant pool (JVMS §4.4): class entries
 * and every descriptor or signature string, so field types, method parameters, generics and
 * annotations count as well as calls. Constants the compiler inlines leave no trace, as in javac.
 */
final class ClassReferences {
    private static final Pattern INTERNAL_NAME = Pattern.compile("L?((?:[\\w$]+/)+[\\w$]+)[;<]?");

    private ClassReferences() { }

    /** Binary names ("org.x.Foo", nested classes as "org.x.Foo$Bar") of the classes referred to under {@code prefix}. */
    static Set<String> of(InputStream classFile, String prefix) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        Set<String> names = new TreeSet<>();
        String internalPrefix = prefix.replace('.', '/');
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> { // Utf8: class names, descriptors, signatures (and string literals, filtered below)
                    Matcher m = INTERNAL_NAME.matcher(in.readUTF());
                    while (m.find()) if (m.group(1).startsWith(internalPrefix)) names.add(m.group(1).replace('/', '.'));
                }
                case 3, 4 -> in.readInt();            // Integer, Float
                case 5, 6 -> { in.readLong(); i++; }   // Long, Double take two slots
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort(); // Class, String, MethodType, Module, Package
                case 9, 10, 11, 12, 17, 18 -> in.readInt();      // refs, NameAndType, Dynamic, InvokeDynamic
                case 15 -> { in.readUnsignedByte(); in.readUnsignedShort(); } // MethodHandle
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return names;
    }
}
