package io.recouvra.web;

import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.recouvra.database.RetryingTransactions;
import jakarta.validation.ConstraintViolationException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refused API request is answered as application/problem+json (RFC 9457) with an
 * {@code errors} list naming each bad field and the reason, so an integrator can fix the request
 * without reading our logs.
 */
@RestControllerAdvice(basePackages = "io.recouvra")
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** PostgreSQL's class 22, "data exception": a value too long for its column, out of range, or not text. */
    private static final String DATA_EXCEPTION_CLASS = "22";
    private static final Pattern DUPLICATE_FIELD = Pattern.compile("Duplicate field '([^']*)'");

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.problems());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflicts with stored data", List.of(e.problem()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    /**
     * Two requests changed the same thing at once and this one lost: a ledger row's version, the
     * engine's own optimistic lock on a process instance, or a lock wait that PostgreSQL broke off.
     * The ledger's writes are run again by the service first (io.recouvra.database.RetryingTransactions),
     * so this answer means they lost every attempt. Nothing was stored; sending the request again is safe.
     */
    @ExceptionHandler({ConcurrencyFailureException.class, OptimisticLockingException.class})
    ProblemDetail concurrentUpdate(Exception e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The record was changed by another request at the same time; send the request again.");
        problem.setTitle("Concurrent update");
        return problem;
    }

    /**
     * The engine wraps what PostgreSQL said (a deadlock in its own tables, a serialization failure) in its
     * own exception. On endpoints whose service does not run its transaction again, such a lost race is
     * still a concurrent update the client may send again, not an error of ours; anything else stays one.
     */
    @ExceptionHandler(ProcessEngineException.class)
    ProblemDetail engineFailure(ProcessEngineException e) throws ProcessEngineException {
        if (!RetryingTransactions.isTransientConflict(e)) {
            throw e;
        }
        return concurrentUpdate(e);
    }

    /**
     * A unique key caught a duplicate that raced past the service's own check: a conflict. Any other
     * broken constraint is a bug of ours, not of the request, and is logged as one.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrityViolation(DataIntegrityViolationException e) {
        if (hasSqlState(e, state -> state.startsWith(DATA_EXCEPTION_CLASS))) {
            // The request's own checks should have caught it and named the field; PostgreSQL refused it and the
            // transaction rolled back, so nothing was stored: still the request's fault, not a server error.
            log.warn("A value the request checks let through was refused by the database: {}", rootMessage(e));
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(new FieldProblem("body",
                    "a value is too long, out of range or not text the ledger can store: " + rootMessage(e))));
        }
        if (hasSqlState(e, UNIQUE_VIOLATION::equals)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "The request conflicts with data stored at the same moment; read the current state and retry.");
            problem.setTitle("Conflicts with stored data");
            return problem;
        }
        log.error("Database constraint violated", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request could not be stored; it has been logged for the operators.");
        problem.setTitle("Internal error");
        return problem;
    }

    private static boolean hasSqlState(Throwable e, Predicate<String> state) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A multipart body that cannot be read (no boundary, cut short); one too large stays a 413. */
    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadableMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                List.of(new FieldProblem("body", "not a readable multipart/form-data body: " + rootMessage(e))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : describe(e.getRequiredType());
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                List.of(new FieldProblem(e.getName(), "'" + e.getValue() + "' is not " + expected)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(new FieldProblem(error.getObjectName(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> problems = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", problems));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        FieldProblem problem;
        Matcher duplicate = cause instanceof StreamReadException ? DUPLICATE_FIELD.matcher(String.valueOf(cause.getMessage())) : null;
        if (cause instanceof StrictJsonRequests.RefusedValue refused) {
            problem = new FieldProblem(path(refused), refused.reason());
        } else if (duplicate != null && duplicate.lookingAt()) {
            problem = new FieldProblem(duplicate.group(1), "is given twice; give each field once");
        } else if (cause instanceof InvalidNullException missing) {
            problem = new FieldProblem(path(missing), "must not be null");
        } else if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = new FieldProblem(path(unknown), "unknown field");
        } else if (cause instanceof InvalidFormatException format) {
            problem = new FieldProblem(path(format), "'" + format.getValue() + "' is not " + describe(format.getTargetType()));
        } else if (cause instanceof MismatchedInputException mismatch) {
            problem = new FieldProblem(path(mismatch), "expected " + describe(mismatch.getTargetType()));
        } else {
            problem = new FieldProblem("body", "not readable as JSON: " + rootMessage(e));
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Invalid request", List.of(problem)));
    }

    private static ProblemDetail problem(HttpStatus status, String title, List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, problems.stream()
                .map(p -> p.field() + ": " + p.reason())
                .collect(Collectors.joining("; ")));
        problem.setTitle(title);
        problem.setProperty("errors", problems);
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date (yyyy-MM-dd)";
            case "BigDecimal" -> "a decimal number";
            case "UUID" -> "an id (UUID)";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            default -> "a " + type.getSimpleName();
        };
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
