package org.lightbox.ui.internal.reading;

import java.util.List;

import org.lightbox.model.QualityIssue;

/**
 * The reading editor's keyboard: one key per finding (in schema order), one per quality flag and confounder
 * tag, and the value, navigation and view keys. Shown in the editor's key panel from these tables, so the
 * help cannot drift from what the keys do.
 */
public final class ReadingKeys {

    /** Keys for the findings, in schema order (CXR14's 14 fit; a longer schema leaves the rest to the list). */
    public static final String FINDING_KEYS = "1234567890-=[]";

    public static final char PRESENT = 'p';
    public static final char ABSENT = 'a';
    public static final char UNCERTAIN = 'u';
    public static final char COMMENT = 'c';
    public static final char SKIP = 's';
    public static final char INVERT = 'i';
    public static final char FIT = 'f';
    public static final char ONE_TO_ONE = 'x';
    public static final char FLIP_HORIZONTAL = 'h';
    public static final char FLIP_VERTICAL = 'v';
    public static final char ROTATE = 'r';
    public static final char PRESET = 'w';
    public static final char LABELS = 'l';
    public static final char SHEET = 'g';
    public static final char MARK = ' ';

    /** F1 … F6: the reader's quality flags, in this order. */
    public static final List<QualityIssue> FLAGS = List.of(QualityIssue.ROTATED, QualityIssue.INVERTED,
            QualityIssue.LATERAL, QualityIssue.NON_CHEST, QualityIssue.CHILD, QualityIssue.POOR_EXPOSURE);
    /** F7 … F9: the reader's confounder tags, in this order. */
    public static final List<String> TAGS = List.of("chest-drain", "pacemaker", "ecg-leads");

    private ReadingKeys() {
    }

    /** The finding index of a key, or -1. */
    public static int finding(char key) {
        return FINDING_KEYS.indexOf(key);
    }

    /** How a flag is named to the reader. */
    public static String name(QualityIssue issue) {
        return switch (issue) {
            case LATERAL -> "lateral / not frontal";
            case NON_CHEST -> "other body part";
            case POOR_EXPOSURE -> "poor quality";
            default -> issue.getLiteral().toLowerCase().replace('_', ' ');
        };
    }

    /** The help text of the key panel. */
    public static String help() {
        return """
                1…0 - = [ ]  finding present
                p a u    present absent uncertain
                Enter    unset absent, next
                → ← s    next previous skip
                c        comment
                F1…F6    rotated inverted lateral
                         other-part child poor
                F7…F9    drain pacemaker ECG
                drag     window/level  w preset
                wheel    zoom  right-drag pan
                f x      fit  1:1
                i h v r  invert flip flip turn
                l        original labels
                g        contact sheet
                Ctrl+Z/Y undo redo""";
    }
}
