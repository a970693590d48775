package com.diamondpricing.server.apikey;

/**
 * Who presented a working key: its id (what the request log and the histories name) and its role.
 */
public record KeyHolder(String keyId, KeyRole role) {}
