package org.dmaworkbench.dsl;

import java.math.BigInteger;
import org.eclipse.xtext.common.services.DefaultTerminalConverters;
import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractValueConverter;
import org.eclipse.xtext.nodemodel.INode;

/**
 * Numbers are signed 64-bit, as the simulator computes: decimal or 0x-hex (with optional '_'
 * separators). A number that does not fit is a diagnostic on its token, in words (never Java's
 * text: Xtext reports the cause's message when there is one, so none is passed on), and it never
 * wraps: 0xffffffffffffffff is not -1.
 */
public class DmasValueConverters extends DefaultTerminalConverters {
    static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

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
                BigInteger v = parse(string, node);
                if (v.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
                    throw new ValueConverterException("number " + string + " is too large here: at most " + Integer.MAX_VALUE, node, null);
                }
                return v.intValue();
            }

            @Override
            public String toString(Integer value) { return value.toString(); }
        };
    }

    /** A string the line ends before it is closed (the grammar's STRING stops at the line's end) is an error on it. */
    @ValueConverter(rule = "STRING")
    @Override
    public IValueConverter<String> STRING() {
        IValueConverter<String> quoted = super.STRING();
        return new AbstractValueConverter<>() {
            @Override
            public String toValue(String string, INode node) {
                if (!closed(string)) {
                    throw new ValueConverterException("the string is not closed: end it with " + string.charAt(0) + " on this line", node, null);
                }
                return quoted.toValue(string, node);
            }

            @Override
            public String toString(String value) { return quoted.toString(value); }
        };
    }

    static boolean closed(String s) {
        if (s == null || s.length() < 2 || s.charAt(s.length() - 1) != s.charAt(0)) return false;
        int backslashes = 0;
        for (int i = s.length() - 2; i > 0 && s.charAt(i) == '\\'; i--) backslashes++;
        return backslashes % 2 == 0;
    }

    /** Parses "4096", "0xffff_f000"; rejects values beyond 2^63 - 1 with a readable message. */
    public static class LongConverter extends AbstractValueConverter<Long> {
        @Override
        public Long toValue(String string, INode node) {
            BigInteger v = parse(string, node);
            if (v.compareTo(MAX_LONG) > 0) {
                throw new ValueConverterException("number " + string + " is too large: numbers are signed 64-bit, at most "
                        + "0x7fffffffffffffff (" + Long.MAX_VALUE + ")", node, null);
            }
            return v.longValue();
        }

        @Override
        public String toString(Long value) {
            return value >= 0 && value < 1_000_000 ? Long.toString(value) : "0x" + Long.toHexString(value);
        }
    }

    /** The token as a non-negative number; "0x" or "0x_" without digits is a diagnostic. */
    static BigInteger parse(String string, INode node) {
        if (string == null || string.isEmpty()) throw new ValueConverterException("a number is missing here", node, null);
        String s = string.replace("_", "");
        boolean hex = s.startsWith("0x") || s.startsWith("0X");
        String digits = hex ? s.substring(2) : s;
        if (digits.isEmpty()) throw new ValueConverterException(string + " has no digits after 0x (e.g. 0x1000)", node, null);
        try {
            return new BigInteger(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new ValueConverterException("'" + string + "' is not a number", node, null);
        }
    }
}
