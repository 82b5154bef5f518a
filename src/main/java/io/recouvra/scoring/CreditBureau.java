package io.recouvra.scoring;

/** A credit bureau (Ellisphere, Creditsafe, Altares …): a production HTTP client and a sandbox. */
public interface CreditBureau {

    BureauAnswer lookUp(String registrationNumber);
}
