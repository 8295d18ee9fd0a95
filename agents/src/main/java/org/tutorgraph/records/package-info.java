/**
 * Learner records for other systems: a learner's event log as xAPI statements ({@code xapi}) or as a PSLC DataShop
 * step log ({@code datashop}), pushing statements to a Learning Record Store ({@code lrs}), and the store's load
 * benchmark ({@code bench}). Everything here reads the log the tutoring session wrote; nothing writes it but the bench.
 */
package org.tutorgraph.records;
