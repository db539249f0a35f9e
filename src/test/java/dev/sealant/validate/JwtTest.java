package dev.sealant.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {

  private static String b64(String s) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String jwt(String header, String payload, String signature) {
    return b64(header) + "." + b64(payload) + "." + signature;
  }

  @Test
  void signedTokenWithJsonHeaderAndPayloadIsValid() {
    assertTrue(
        Jwt.valid(
            jwt(
                "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                "{\"sub\":\"svc-7\"}",
                "q1Wm3XzPp0kLs9dTfYv2bNc8RgHa4JeU")));
    assertTrue(
        Jwt.valid(
            jwt(
                "{ \"typ\": \"JWT\", \"alg\": \"ES256\" }",
                "{\"role\":\"admin\"}",
                "Zm9vYmFyYmF6cXV4")));
  }

  @Test
  void unsignedOrMalformedTokensAreInvalid() {
    assertFalse(Jwt.valid(jwt("{\"alg\":\"none\"}", "{\"sub\":\"x\"}", "")), "no signature");
    assertFalse(Jwt.valid(jwt("{\"alg\":\"none\"}", "{\"sub\":\"x\"}", "abcdef")), "alg none");
    assertFalse(Jwt.valid(jwt("{\"typ\":\"JWT\"}", "{\"sub\":\"x\"}", "abcdef")), "no alg");
    assertFalse(Jwt.valid(jwt("not json", "{\"sub\":\"x\"}", "abcdef")));
    assertFalse(Jwt.valid(b64("{\"alg\":\"HS256\"}") + "." + b64("{}")), "two parts");
    assertFalse(Jwt.valid("eyJ!!!.eyJ###.sig"));
  }
}
