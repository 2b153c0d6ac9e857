package org.dmaworkbench.dsl;

import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractValueConverter;
import org.eclipse.xtext.nodemodel.INode;

/** Numbers are 64-bit: decimal or 0x-hex (with optional '_' separators); a number too large is a diagnostic. */
public class DmasValueConverters extends DefaultTerminalConverters {

    @ValueConverter(rule = "Number")
    public IValueConverter<Long> Number() {
        return new LongConverter();
    }

    @ValueConverter(rule = "HEX")
    public IValueConverter<Long> HEX() {
        return new LongConverter();
    }

    @ValueConverter(rule = "INT")
    @Override
    public IValueConverter<Integer> INT() {
        return new AbstractValueConverter<>() {
            @Override
            public Integer toValue(String string, INode node) {
                try {
                    return Integer.valueOf(string);
                } catch (NumberFormatException e) {
                    throw new ValueConverterException("number '" + string + "' is out of range (at most " + Integer.MAX_VALUE + ")",
                            node, e);
                }
            }

            @Override
            public String toString(Integer value) { return value.toString(); }
        };
    }

    /** Parses "4096", "0xffff_f000"; rejects values beyond 64 bits with a readable message. */
    public static class LongConverter extends AbstractValueConverter<Long> {
        @Override
        public Long toValue(String string, INode node) {
            if (string == null || string.isEmpty()) throw new ValueConverterException("missing number", node, null);
            String s = string.replace("_", "");
            try {
                if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseUnsignedLong(s.substring(2), 16);
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ValueConverterException("number '" + string + "' does not fit in 64 bits", node, e);
            }
        }

        @Override
        public String toString(Long value) {
            return value >= 0 && value < 1_000_000 ? Long.toString(value) : "0x" + Long.toHexString(value);
        }
    }
}
