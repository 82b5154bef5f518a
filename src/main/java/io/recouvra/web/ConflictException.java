package io.recouvra.web;

/** The request repeats or contradicts something already stored (a duplicate invoice number, say). */
public class ConflictException extends RuntimeException {

    private final FieldProblem problem;

    public ConflictException(String field, String reason) {
        super(field + ": " + reason);
        this.problem = new FieldProblem(field, reason);
    }

    public FieldProblem problem() {
        return problem;
    }
}
