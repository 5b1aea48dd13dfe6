package org.leadrouter.batch;

/** Whether leads are created in VTiger ({@code apply}) or only planned ({@code dry-run}). */
public enum Mode {
    DRY_RUN("dry-run"), APPLY("apply");

    private final String label;

    Mode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Mode parse(String text) {
        for (Mode m : values()) {
            if (m.label.equalsIgnoreCase(text.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not dry-run or apply");
    }
}
