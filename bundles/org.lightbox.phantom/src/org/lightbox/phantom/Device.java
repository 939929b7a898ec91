package org.lightbox.phantom;

/** Devices drawn on the film: the confounders a model can learn instead of the disease. */
public enum Device {
    /** An intercostal chest drain: a tube with a radio-opaque stripe entering laterally. */
    CHEST_DRAIN("chest-drain"),
    /** A pacemaker: the generator below a clavicle and leads into the right heart. */
    PACEMAKER("pacemaker"),
    /** ECG monitoring: press-stud electrodes and their wires. */
    ECG_LEADS("ecg-leads");

    private final String code;

    Device(String code) {
        this.code = code;
    }

    /** The confounder code used in manifests and confounder tags. */
    public String code() {
        return code;
    }

    public static Device ofCode(String code) {
        for (Device d : values()) {
            if (d.code.equals(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no device is called '" + code + "'; known: "
                + java.util.Arrays.stream(values()).map(Device::code).toList());
    }
}
