package io.recouvra.web;

import java.util.List;

/** The request is well-formed but breaks a rule of the ledger; answered with 400 and the fields. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.toString());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
