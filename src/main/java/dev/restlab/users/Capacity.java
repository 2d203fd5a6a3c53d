package dev.restlab.users;

/**
 * How much a store may hold in all, so that no client can fill memory (every user is also kept
 * in memory, and a listing holds them all): a number of users and the bytes of their names and
 * emails together (as UTF-8). Either limit reached refuses new users with a
 * {@link StoreFullException}; deleting makes room again.
 *
 * @param users the most users a store keeps
 * @param textBytes the most bytes of names and emails, all users together
 */
public record Capacity(int users, long textBytes) {

    /**
     * What RestLab keeps: 200,000 users and 32 MiB of names and emails. That is twice 100,000
     * ordinary users (about 30 bytes of name and email each, 3 MiB in all), and it bounds the heap
     * the users take whatever they hold.
     */
    public static final Capacity DEFAULT = new Capacity(200_000, 32L * 1024 * 1024);

    public Capacity {
        if (users < 0 || textBytes < 0) {
            throw new IllegalArgumentException("a capacity cannot be negative: " + users + ", " + textBytes);
        }
    }

    /** The bytes one user counts against {@link #textBytes()}. */
    static long bytesOf(String name, String email) {
        return utf8Length(name) + utf8Length(email);
    }

    /** "200000 users and 32 MiB of names and emails". */
    String describe() {
        String bytes = textBytes % (1024 * 1024) == 0 ? textBytes / (1024 * 1024) + " MiB"
                : textBytes + " bytes";
        return users + " users and " + bytes + " of names and emails";
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
