package com.diamondpricing.data;

/** The clean rows of an accepted CSV file and the report of what reading it found. */
public record LoadedDataset(Dataset dataset, QualityReport report) {}
