package org.lightbox.phantom.internal;

import java.util.Random;

/**
 * One patient's body in patient units (a standard field is 1 wide; the chest is centred at 0.5):
 * fixed for all studies of the patient except what breathing and positioning change.
 *
 * @param ribcage       half-width of the rib cage at its widest (the thoracic width for the CTR is twice it)
 * @param apex          v of the lung apices
 * @param dome          v of the top of the right hemidiaphragm (the left lies a little lower)
 * @param costophrenic  v of the costophrenic angles
 * @param bodyHalfWidth half-width of the soft tissue of the trunk
 * @param soft          attenuation of the soft tissue at the thickest (body habitus)
 * @param air           how much the lungs lower the attenuation (inspiration, emphysema-free lungs)
 * @param bone          bone density
 * @param ribStep       vertical distance between posterior ribs
 * @param ribSlope      how much the posterior ribs fall laterally (children: flatter)
 * @param heartShare    share of the heart's width to the patient's left (image right)
 * @param spineWidth    width of the vertebral bodies
 * @param vessels       seed of the pulmonary vessel tree
 */
record Anatomy(boolean child, boolean female, double ribcage, double apex, double dome, double costophrenic,
        double bodyHalfWidth, double soft, double air, double bone, double ribStep, double ribSlope,
        double heartShare, double spineWidth, double neck, double breast, double shoulder, long vessels) {

    static Anatomy sample(Random r, boolean child, boolean female) {
        if (child) {
            double ribcage = 0.31 + 0.03 * r.nextDouble();
            return new Anatomy(true, female, ribcage, 0.14 + 0.02 * r.nextDouble(), 0.60 + 0.03 * r.nextDouble(),
                    0.70 + 0.02 * r.nextDouble(), ribcage + 0.07 + 0.03 * r.nextDouble(), 1.35 + 0.2 * r.nextDouble(),
                    0.85 + 0.1 * r.nextDouble(), 0.6 + 0.1 * r.nextDouble(), 0.052 + 0.004 * r.nextDouble(),
                    0.55, 0.62 + 0.05 * r.nextDouble(), 0.052, 0.1, 0, 0.06 + 0.06 * r.nextDouble(), r.nextLong());
        }
        double ribcage = 0.335 + 0.04 * r.nextDouble();
        double fat = r.nextDouble();
        return new Anatomy(false, female, ribcage, 0.05 + 0.04 * r.nextDouble(), 0.60 + 0.06 * r.nextDouble(),
                0.71 + 0.05 * r.nextDouble(), ribcage + 0.15 + 0.1 * fat, 1.5 + 0.4 * fat,
                0.8 + 0.15 * r.nextDouble(), 0.8 + 0.3 * r.nextDouble(), 0.060 + 0.006 * r.nextDouble(),
                1.0 + 0.3 * r.nextDouble(), 0.64 + 0.08 * r.nextDouble(), 0.068 + 0.008 * r.nextDouble(),
                0.12 + 0.03 * r.nextDouble(), female ? 0.5 + 0.5 * r.nextDouble() : 0.0, -0.07 + 0.12 * r.nextDouble(),
                r.nextLong());
    }

    /** The same patient breathing in less (a lower-volume film: domes higher, lungs smaller). */
    Anatomy breathing(double lessInspiration) {
        return new Anatomy(child, female, ribcage, apex, dome - lessInspiration, costophrenic - lessInspiration,
                bodyHalfWidth, soft, air * (1 - 1.5 * lessInspiration), bone, ribStep, ribSlope, heartShare,
                spineWidth, neck, breast, shoulder, vessels);
    }

    /** Thoracic width (inner rib cage) in patient units: the denominator of the cardiothoracic ratio. */
    double thoracicWidth() {
        return 2 * ribcage;
    }
}
