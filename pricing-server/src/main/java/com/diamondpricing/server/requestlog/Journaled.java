package com.diamondpricing.server.requestlog;

/** A record in the queue, with the journal segment that holds it and where its line ends. */
record Journaled(RequestRecord record, Segment segment, long end) {}
