package io.recouvra.provisions;

/**
 * Where an unpaid invoice stands, as the provision rate sees it. When several apply the strongest wins,
 * in the order declared here: a debtor in insolvency proceedings rarely pays whatever else is under way;
 * a court case is further down the recovery road than an agency's amicable attempts; and an agency or a
 * court already deals with a dispute the debtor raises. An invoice on hold, in a payment plan or with the
 * insurer is NORMAL: its age tells the risk (the insurer's part is taken off the base instead).
 */
enum Situation {
    INSOLVENT, IN_COURT, WITH_AGENCY, DISPUTED, NORMAL
}
