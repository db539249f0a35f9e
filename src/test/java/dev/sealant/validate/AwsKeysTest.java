package dev.sealant.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AwsKeysTest {

  @Test
  void documentedPrefixAndBase32BodyIsValid() {
    assertTrue(AwsKeys.validKeyId("AKIA2QZ7MXK4RTB6WJNE"));
    assertTrue(AwsKeys.validKeyId("ASIAQ3JH7LPD2MZXR5KV"));
  }

  @Test
  void wrongPrefixAlphabetOrLengthIsInvalid() {
    assertFalse(AwsKeys.validKeyId("AKIB2QZ7MXK4RTB6WJNE"));
    assertFalse(AwsKeys.validKeyId("AKIA2QZ7MXK4RTB6WJN0"), "0 is not base32");
    assertFalse(AwsKeys.validKeyId("AKIA2QZ7MXK4RTB6WJN1"), "1 is not base32");
    assertFalse(AwsKeys.validKeyId("AKIA2qz7mxk4rtb6wjne"));
    assertFalse(AwsKeys.validKeyId("AKIA2QZ7MXK4RTB6WJ"));
    assertFalse(AwsKeys.validKeyId("AKIA2QZ7MXK4RTB6WJNEQ"));
  }
}
