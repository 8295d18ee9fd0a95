package org.tutorgraph.models.doctor;

import java.time.Duration;

/**
 * One check of {@code tutor doctor}.
 *
 * @param what   what was checked ("server reachable", "model listed", "structured answer", "streamed answer")
 * @param status how it went
 * @param detail what was found, one line (scrubbed of secrets; may hold server text: print it through a sanitiser)
 * @param fix    what to do about a failure ("" when nothing)
 * @param took   how long it took
 */
public record Check(String what, Status status, String detail, String fix, Duration took) {

    public enum Status { OK, FAIL, SKIPPED }

    public boolean failed() {
        return status == Status.FAIL;
    }
}
