package org.lightbox.evaluation;

/** Evaluates model scores against a reference: the clinical metrics, tables and strata of {@link Evaluation}. */
public interface Evaluator {

    /** Evaluates {@code data} as {@code options} say. */
    Evaluation evaluate(EvaluationData data, EvaluationOptions options);
}
