package com.diamondpricing.server.requestlog;

/** A record in the queue, with the journal line that holds it. */
record Journaled(RequestRecord record, Segment segment, long line) {}
