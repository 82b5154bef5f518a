package io.recouvra.imports;

/** The file as a whole cannot be imported (encoding, header): nothing was stored. */
class UnreadableFileException extends RuntimeException {

    private final String column;

    UnreadableFileException(String column, String message) {
        super(message);
        this.column = column;
    }

    String column() {
        return column;
    }
}
