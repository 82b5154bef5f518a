package io.recouvra.messaging;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/** Letters and court documents are XHTML templates rendered to PDF (openhtmltopdf), A4 pages per the template's CSS. */
@Component
public class LetterRenderer {

    public byte[] pdf(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // The PDF base fonts have no narrow no-break space, which French number formatting uses.
            builder.withHtmlContent(xhtml.replace('\u202F', '\u00A0'), null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the document to PDF", e);
        }
        return pdf.toByteArray();
    }
}
