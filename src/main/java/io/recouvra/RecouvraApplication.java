package io.recouvra;

import io.recouvra.imports.ImportCommand;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RecouvraApplication {

    public static void main(String[] args) {
        if (ImportCommand.isRequested(args)) {
            SpringApplication app = new SpringApplication(RecouvraApplication.class);
            // An import from the command line needs the ledger and the engine, not a web server.
            app.setWebApplicationType(WebApplicationType.NONE);
            String[] withoutJobs = Arrays.copyOf(args, args.length + 2);
            // Leave timers and import jobs to the running server: this import only registers its own file's invoices
            // and starts their processes.
            withoutJobs[args.length] = "--camunda.bpm.job-execution.enabled=false";
            withoutJobs[args.length + 1] = "--recouvra.imports.worker.enabled=false";
            System.exit(SpringApplication.exit(app.run(withoutJobs)));
        }
        SpringApplication.run(RecouvraApplication.class, args);
    }
}
