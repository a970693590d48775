/**
 * The watched folder: a CSV file dropped in {@code $DIAMONDS_HOME/inbox} is ingested once it stops
 * growing ({@code StabilityDetector}) and queued for training ({@code InboxWatcher}); the file is
 * moved to {@code done/} or {@code failed/} under a name that says when ({@code MovedNames}).
 */
package com.diamondpricing.server.inbox;
