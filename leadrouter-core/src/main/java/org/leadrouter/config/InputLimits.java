package org.leadrouter.config;

/** Bounds on an input file: larger files are refused with a clear reason instead of exhausting memory. */
public record InputLimits(long maxBytes, int maxRows) {
}
