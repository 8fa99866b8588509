package reservecheck.explorer;

import java.util.Arrays;

/**
 * The visited set for packed states: each state is a fixed number of longs, stored once in one
 * growing long[] (state id i at words [i*width, (i+1)*width)), with an open-addressing int table
 * of ids over it.  No Java object per state: issue 14 measured the cost of a search as one memory
 * miss per visited-set lookup, and a HashMap of State objects pays several plus ~100 bytes each.
 * Ids are given in insertion order, so the BFS queue stays the id range it is in Search.
 */
final class PackedStateSet {
    private final int width;
    private long[] words;
    private int size;
    /**
     * Open-addressing table of id+1 (0: empty slot), linear probing, kept at most 3/4 full: at
     * that load a probe sequence stays short (about 2.5 slots for a hit) while the table costs
     * 5.3 to 10.7 bytes per state, within issue 14's 32 bytes per stored state with 2 words.
     */
    private int[] table;
    private int mask;

    PackedStateSet(int width, int capacity) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1: " + width);
        }
        this.width = width;
        int cap = Math.max(16, capacity);
        words = new long[cap * width];
        int slots = Integer.highestOneBit(Math.max(32, cap * 2 - 1)) << 1;
        table = new int[slots];
        mask = slots - 1;
    }

    int width() {
        return width;
    }

    int size() {
        return size;
    }

    /** The id of the state in key[from .. from+width), adding it if new: a new id is size()-1. */
    int addOrGet(long[] key, int from) {
        return addOrGet(key, from, hash(key, from));
    }

    /** addOrGet with the key's hash already computed ({@link #hash}). */
    int addOrGet(long[] key, int from, int hash) {
        int slot = hash & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                break;
            }
            if (equalsAt(entry - 1, key, from)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        int id = size;
        if ((id + 1) * (long) width > words.length) {
            long grown = Math.max(words.length + (words.length >> 1), (id + 1) * (long) width);
            words = Arrays.copyOf(words, (int) Math.min(grown, Integer.MAX_VALUE - 8));
        }
        System.arraycopy(key, from, words, id * width, width);
        table[slot] = id + 1;
        size++;
        if (size * 4L > table.length * 3L) {
            rehash();
        }
        return id;
    }

    /**
     * The id of the state in key[from .. from+width), or -1: only reads, so any number of
     * threads may call it while no one adds (the parallel search's expansion phase).
     */
    int find(long[] key, int from, int hash) {
        int slot = hash & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (equalsAt(entry - 1, key, from)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** Bytes of the hash table (the words are width()*8 per state). */
    long tableBytes() {
        return table.length * 4L;
    }

    /** Whether addOrGet(key, from) just added a new state: its id is the last one. */
    boolean isNew(int id) {
        return id == size - 1;
    }

    /** Copies state id into out[to .. to+width). */
    void get(int id, long[] out, int to) {
        System.arraycopy(words, id * width, out, to, width);
    }

    private boolean equalsAt(int id, long[] key, int from) {
        int base = id * width;
        for (int k = 0; k < width; k++) {
            if (words[base + k] != key[from + k]) {
                return false;
            }
        }
        return true;
    }

    int hash(long[] key, int from) {
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < width; k++) {
            h = (h ^ key[from + k]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        return (int) (h ^ (h >>> 32));
    }

    private void rehash() {
        int[] grown = new int[table.length * 2];
        int m = grown.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = hash(words, id * width) & m;
            while (grown[slot] != 0) {
                slot = (slot + 1) & m;
            }
            grown[slot] = id + 1;
        }
        table = grown;
        mask = m;
    }
}
