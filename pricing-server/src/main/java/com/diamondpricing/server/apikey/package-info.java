/**
 * API keys, one per job: a till that reports sales holds a {@code sales} key, a script that
 * retrains an {@code admin} key ({@link com.diamondpricing.server.apikey.KeyRole}). Keys are
 * created, listed and revoked ({@code ApiKeys}, {@code ApiKeyController}, {@code diamonds keys});
 * only a SHA-256 of each secret is stored, and the secret is shown once, at creation. The guard
 * ({@code web.SecurityConfiguration}) turns a presented key into its role's authority, and the
 * request log names the key's id.
 */
package com.diamondpricing.server.apikey;
