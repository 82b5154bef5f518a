package io.recouvra.receivables;

import io.recouvra.web.ConflictException;
import io.recouvra.web.FieldProblem;
import io.recouvra.web.InvalidInputException;
import io.recouvra.web.NotFoundException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

@Service
public class CustomerService {

    private static final String DEFAULT_COUNTRY = "FR";
    private static final String DEFAULT_LANGUAGE = "fr";
    private static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Paris");

    private final CustomerRepository customers;
    private final PaymentRepository payments;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    @PersistenceContext
    private EntityManager entityManager;

    CustomerService(CustomerRepository customers, PaymentRepository payments, Clock clock,
                    ApplicationEventPublisher events) {
        this.customers = customers;
        this.payments = payments;
        this.clock = clock;
        this.events = events;
    }

    /** Registers a customer; French defaults (FR, fr, Europe/Paris) where the request leaves them out. */
    @Transactional
    public Customer register(NewCustomer request) {
        String registrationNumber = RegistrationNumbers.normalize(request.registrationNumber());
        List<FieldProblem> problems = new ArrayList<>();
        RegistrationNumbers.problem(registrationNumber)
                .ifPresent(reason -> problems.add(new FieldProblem("registrationNumber", reason)));
        ZoneId timeZone = timeZone(request.timeZone(), problems);
        List<NewCustomer.NewContact> contacts = request.contacts() == null ? List.of() : request.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            if (!StringUtils.hasText(contacts.get(i).email()) && !StringUtils.hasText(contacts.get(i).phone())) {
                problems.add(new FieldProblem("contacts[" + i + "]", "needs an email or a phone number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (customers.findByRegistrationNumber(registrationNumber).isPresent()) {
            throw new ConflictException("registrationNumber", "a customer with " + registrationNumber + " already exists");
        }
        Customer customer = new Customer(request.legalName().trim(), registrationNumber,
                orDefault(request.country(), DEFAULT_COUNTRY), orDefault(request.language(), DEFAULT_LANGUAGE), timeZone,
                request.addressLine(), request.postalCode(), request.city(), clock.instant());
        customer.classify(request.customerType());
        for (NewCustomer.NewContact contact : contacts) {
            customer.addContact(new Contact(customer, contact.name().trim(), contact.role(), blankToNull(contact.email()),
                    blankToNull(contact.phone()), contact.emailConsent(), contact.smsConsent(), contact.callConsent()));
        }
        customers.save(customer);
        events.publishEvent(new LedgerEvents.CustomerRegistered(customer.getId()));
        return customer;
    }

    /**
     * A contact a collector was given on the phone. It may be called and written to by email (a business
     * address, legitimate interest); SMS waits for the contact's own consent.
     */
    @Transactional
    public Contact addContactFromCall(UUID customerId, String name, String email, String phone) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("newContactName", "is required for a new contact"));
        }
        if (blankToNull(email) == null && blankToNull(phone) == null) {
            problems.add(new FieldProblem("newContactPhone", "a new contact needs a phone number or an email address"));
        }
        if (blankToNull(phone) != null && !phone.strip().matches("\\+[1-9][0-9]{1,14}")) {
            problems.add(new FieldProblem("newContactPhone", "must be in E.164 form such as +33612345678"));
        }
        if (blankToNull(email) != null && !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("newContactEmail", "is not an email address"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Customer customer = get(customerId);
        Contact contact = new Contact(customer, name.strip(), null, blankToNull(email) == null ? null : email.strip(),
                blankToNull(phone) == null ? null : phone.strip(), blankToNull(email) != null, false, true);
        customer.addContact(contact);
        return contact;
    }

    /**
     * The debtor restates its billing contact (the first contact, the one messages are written to; created if the
     * customer has none) and its postal address, with the checks of the API: a name, an email address that is one,
     * a phone number in E.164 (spaces, dots and dashes typed between digits are dropped), consent only on a channel
     * that has an address, the API's lengths. Every problem is named by its {@link ContactDetails} field.
     *
     * @return what changed, one "field: before -> after" line each (empty when nothing did)
     */
    @Transactional
    public List<String> restateContactDetails(UUID customerId, ContactDetails details) {
        String name = blankToNull(details.contactName());
        String email = blankToNull(details.email());
        String phone = blankToNull(details.phone()) == null ? null : details.phone().replaceAll("[\\s.\\-()]", "");
        String address = blankToNull(details.addressLine());
        String postalCode = blankToNull(details.postalCode());
        String city = blankToNull(details.city());
        List<FieldProblem> problems = new ArrayList<>();
        if (name == null || name.length() > 200) {
            problems.add(new FieldProblem("contactName", "is required, at most 200 characters"));
        }
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            problems.add(new FieldProblem("email", "is not an email address"));
        }
        if (phone != null && !phone.matches("\\+[1-9][0-9]{1,14}")) {
            problems.add(new FieldProblem("phone", "must be in E.164 form such as +33612345678"));
        }
        if (email == null && phone == null) {
            problems.add(new FieldProblem("email", "needs an email or a phone number"));
        }
        if (details.emailConsent() && email == null) {
            problems.add(new FieldProblem("emailConsent", "needs an email address"));
        }
        if (details.smsConsent() && phone == null) {
            problems.add(new FieldProblem("smsConsent", "needs a phone number"));
        }
        if (address != null && address.length() > 200) {
            problems.add(new FieldProblem("addressLine", "at most 200 characters"));
        }
        if (postalCode != null && postalCode.length() > 16) {
            problems.add(new FieldProblem("postalCode", "at most 16 characters"));
        }
        if (city != null && city.length() > 100) {
            problems.add(new FieldProblem("city", "at most 100 characters"));
        }
        if ((address == null) != (postalCode == null) || (address == null) != (city == null)) {
            problems.add(new FieldProblem("addressLine", "give the street, postal code and city, or none"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Customer customer = get(customerId);
        Contact contact = customer.getContacts().isEmpty() ? null : customer.getContacts().get(0);
        List<String> changes = new ArrayList<>();
        changed(changes, "contact", contact == null ? null : contact.getName(), name);
        changed(changes, "email", contact == null ? null : contact.getEmail(), email);
        changed(changes, "phone", contact == null ? null : contact.getPhone(), phone);
        changed(changes, "email consent", contact != null && contact.isEmailConsent(), details.emailConsent());
        changed(changes, "SMS consent", contact != null && contact.isSmsConsent(), details.smsConsent());
        changed(changes, "address", customer.getAddressLine(), address);
        changed(changes, "postal code", customer.getPostalCode(), postalCode);
        changed(changes, "city", customer.getCity(), city);
        if (contact == null) {
            customer.addContact(new Contact(customer, name, null, email, phone, details.emailConsent(), details.smsConsent(), false));
        } else {
            contact.restate(name, email, phone, details.emailConsent(), details.smsConsent());
        }
        customer.moveTo(address, postalCode, city);
        return changes;
    }

    private static void changed(List<String> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "none" : before) + " -> " + (after == null ? "none" : after));
        }
    }

    /**
     * The customer with its contacts, read once per transaction: one already loaded with its contacts in this
     * transaction is the one the query would return (JPA hands back the managed instance as it is), so it is not read
     * again. A dispatch asks for it for the contact hours and again for the message (docs/performance.md).
     */
    @Transactional(readOnly = true)
    public Customer get(UUID id) {
        return loadedWithContacts(id).orElseGet(() ->
                customers.findWithContactsById(id).orElseThrow(() -> new NotFoundException("No customer " + id)));
    }

    private Optional<Customer> loadedWithContacts(UUID id) {
        SessionImplementor session = entityManager.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(Customer.class);
        // the persistence context's own entry, never a proxy made for the lookup
        Object known = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        return known instanceof Customer customer
                && entityManager.getEntityManagerFactory().getPersistenceUnitUtil().isLoaded(customer, "contacts")
                ? Optional.of(customer) : Optional.empty();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByRegistrationNumber(String registrationNumber) {
        return customers.findByRegistrationNumber(RegistrationNumbers.normalize(registrationNumber));
    }

    /** Which of these (normalized) registration numbers have a customer: one statement for a whole import chunk. */
    @Transactional(readOnly = true)
    public Set<String> registeredAmong(Collection<String> registrationNumbers) {
        return registrationNumbers.isEmpty() ? Set.of() : Set.copyOf(customers.registeredAmong(registrationNumbers));
    }

    /** Records the credit terms a credit review decided. */
    @Transactional
    public Customer setCreditTerms(UUID id, BigDecimal limit, int paymentDays, String basis, String guarantee) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("No customer " + id));
        customer.setCreditTerms(limit, paymentDays, basis, guarantee, clock.instant());
        return customer;
    }

    /** Insolvency proceedings were reported for the customer (agency, court, credit manager). */
    @Transactional
    public Customer reportInsolvency(UUID id, LocalDate on) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("No customer " + id));
        customer.reportInsolvency(on);
        return customer;
    }

    /** The customer's insolvency proceedings were closed on that day leaving it back in bonis ({@link Customer#insolvencyEnded}). */
    @Transactional
    public Customer insolvencyEnded(UUID id, LocalDate on) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NotFoundException("No customer " + id));
        customer.insolvencyEnded(on);
        return customer;
    }

    /** The customers one of whose contacts has this phone number (E.164). */
    @Transactional(readOnly = true)
    public List<Customer> withContactPhone(String phone) {
        return customers.findByContactPhone(phone);
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(String nameContains, Pageable page) {
        return StringUtils.hasText(nameContains)
                ? customers.findByLegalNameContainingIgnoreCase(nameContains.trim(), page)
                : customers.findAll(page);
    }

    /** The legal names of these customers, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, String> legalNamesOf(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            customers.legalNamesOf(ids).forEach(row -> names.put((UUID) row[0], (String) row[1]));
        }
        return names;
    }

    @Transactional(readOnly = true)
    public List<CustomerCredit> creditOf(UUID customerId) {
        return payments.creditOf(customerId);
    }

    private static ZoneId timeZone(String value, List<FieldProblem> problems) {
        if (!StringUtils.hasText(value)) {
            return DEFAULT_TIME_ZONE;
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            problems.add(new FieldProblem("timeZone", "'" + value + "' is not a time zone such as Europe/Paris"));
            return DEFAULT_TIME_ZONE;
        }
    }

    private static String orDefault(String value, String fallback) {
        return StringUtils.hasText(value) ? value : fallback;
    }

    private static String blankToNull(String value) {
        return StringUtils.hasText(value) ? value.trim() : null;
    }
}
