package io.recouvra.provisions;

import java.math.BigDecimal;

/** What the ProvisionRate table says for a situation and an age: the rate in percent and the age bucket. */
record Rate(BigDecimal percent, String bucket) {
}
