package org.voluntree.app.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.regex.Pattern;

/**
 * Whether an address a person typed can be sent a mail: one bare address, as jakarta.mail parses and
 * validates it strictly, that SMTP servers take as well. The library alone lets through what no mail
 * reaches: a local part of any length, a domain without a dot, an address literal, a name or comment
 * around the address, a quoted local part, non-ASCII text (the sender does not ask for SMTPUTF8). So
 * the local part is a dot-atom of at most 64 characters, the domain at least two labels of letters,
 * digits and hyphens (none empty, none longer than 63, none starting or ending with a hyphen, the last
 * one not all digits), and the whole at most 254 characters (RFC 5321).
 */
public final class MailableAddress {

    private static final int MAX_LOCAL_PART = 64;
    private static final int MAX_ADDRESS = 254;
    private static final Pattern LOCAL_PART =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private MailableAddress() {}

    public static boolean isMailable(String address) {
        if (address == null || address.length() > MAX_ADDRESS) {
            return false;
        }
        int at = address.indexOf('@');
        if (at < 1 || at != address.lastIndexOf('@')) {
            return false;
        }
        String localPart = address.substring(0, at);
        if (localPart.length() > MAX_LOCAL_PART
                || !LOCAL_PART.matcher(localPart).matches()) {
            return false;
        }
        String[] labels = address.substring(at + 1).split("\\.", -1);
        if (labels.length < 2 || DIGITS.matcher(labels[labels.length - 1]).matches()) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return parsesStrictly(address);
    }

    private static boolean parsesStrictly(String address) {
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return address.equals(parsed.getAddress()) && parsed.getPersonal() == null;
        } catch (AddressException e) {
            return false;
        }
    }
}
