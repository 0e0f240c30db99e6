package dev.idun.admin.traces;

/**
 * A page of trace sessions: at most {@code limit} after skipping {@code offset}, only sessions whose id or title
 * contains {@code search} (case-insensitive; null for all) and that were active between {@code fromMillis} and
 * {@code toMillis} (epoch ms, inclusive).
 */
record SessionQuery(int limit, int offset, String search, long fromMillis, long toMillis) {}
