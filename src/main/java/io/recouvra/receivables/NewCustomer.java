package io.recouvra.receivables;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A customer to register, as the API and the CSV import receive it.
 *
 * @param customerType STANDARD (the default), KEY_ACCOUNT or PUBLIC_SECTOR: the dunning strategy treats them apart
 */
public record NewCustomer(
        @NotBlank @Size(max = 200) String legalName,
        @NotBlank @Size(max = 32) String registrationNumber,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as FR") String country,
        @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639 language code such as fr") String language,
        @Size(max = 64) String timeZone,
        @Size(max = 200) String addressLine,
        @Size(max = 16) String postalCode,
        @Size(max = 100) String city,
        List<@Valid NewContact> contacts,
        @Pattern(regexp = "STANDARD|KEY_ACCOUNT|PUBLIC_SECTOR", message = "must be STANDARD, KEY_ACCOUNT or PUBLIC_SECTOR")
        String customerType) {

    public NewCustomer(String legalName, String registrationNumber, String country, String language, String timeZone,
                       String addressLine, String postalCode, String city, List<NewContact> contacts) {
        this(legalName, registrationNumber, country, language, timeZone, addressLine, postalCode, city, contacts, null);
    }

    public record NewContact(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 100) String role,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+[1-9][0-9]{1,14}", message = "must be in E.164 form such as +33612345678") String phone,
            boolean emailConsent,
            boolean smsConsent,
            boolean callConsent) {
    }
}
