package com.diamondpricing.server.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one data file may hold ({@code diamonds.upload.*}).
 *
 * @param maxSize the largest upload to {@code POST /api/v1/training-runs} (also the multipart
 *     limits of the web server)
 * @param maxRows the most data rows one file may have, whichever way it comes (uploads, the inbox,
 *     the command line); one more rejects it
 */
@ConfigurationProperties("diamonds.upload")
public record UploadProperties(
    @DefaultValue("256MB") DataSize maxSize, @DefaultValue("2000000") long maxRows) {}
