package io.recouvra.engine;

/**
 * How the running instances of one process move to its latest deployed version. Each process that has one is a
 * bean; {@link ProcessMigrations} migrates its instances of every older version at start-up and on an admin's
 * request. Equal element ids are mapped without a line here: the instructions say only what a model change did
 * beyond that (an element renamed, a trigger to set again, a wait moved into a called process), keyed by element
 * ids rather than version numbers, since version numbers differ from one installation to the next.
 */
public interface ProcessUpgrade {

    /** The process key whose older versions are migrated to the latest. */
    String processKey();

    /** Adds what the model's changes need beyond equal element ids; each model change adds its lines. */
    void instruct(UpgradeInstructions instructions);
}
