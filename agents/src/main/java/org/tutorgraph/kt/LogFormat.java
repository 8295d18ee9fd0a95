package org.tutorgraph.kt;

/** The response-log formats {@code tutor kt} reads. */
public enum LogFormat {
    /** The DKT 3-line format: per student, a count line, a skill-id line and a 0/1 line (trailing commas allowed). */
    DKT,
    /** pyBKT's long CSV: one row per answer with columns {@code order_id, skill_name, correct, user_id} (more allowed). */
    PYBKT,
    /** A PSLC DataShop step export (tab or comma separated): first-attempt correctness per step, KC column. */
    DATASHOP;

    public LogReader reader() {
        return switch (this) {
            case DKT -> new DktReader();
            case PYBKT -> new PyBktReader();
            case DATASHOP -> new DataShopReader();
        };
    }
}
