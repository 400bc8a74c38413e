package org.tabale.model;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Countries and admin-1 regions with their aliases, P-codes, ISO 3166-2 codes and population.
 * Lookups fold case and accents (Ségou = Segou = SEGOU) and accept any alias. A region absent
 * from the gazetteer is still given an id, under its own name, and flagged unknown.
 */
public final class Gazetteer {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    /** Names already folded; cleared when full, so that odd input cannot grow it without bound. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> FOLDED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FOLDED_MAX = 50_000;

    /**
     * A country: ISO 3166-1 alpha-3, name, ISO numeric, and the Gleditsch-Ward number that ACLED's
     * older files and UCDP carry. {@code isoNumeric} is null for Kosovo (XKX, outside ISO 3166-1);
     * {@code gwno} is null where no feed file has shown it.
     */
    public record Country(String iso3, String name, Integer isoNumeric, Integer gwno, List<String> aliases) {

        public Country {
            Objects.requireNonNull(iso3, "iso3");
            Objects.requireNonNull(name, "name");
            aliases = List.copyOf(aliases);
        }
    }

    private final Map<String, Country> countriesByKey = new HashMap<>();
    private final Map<Integer, Country> countriesByNumeric = new HashMap<>();
    private final Map<Integer, Country> countriesByGwno = new HashMap<>();
    private final Map<String, Region> regionsByKey = new HashMap<>();
    private final Map<String, Region> regionsById = new LinkedHashMap<>();
    private final List<Country> countries;

    private Gazetteer(List<Country> countries, List<Region> regions) {
        this.countries = List.copyOf(countries);
        for (Country country : countries) {
            putOnce(countriesByKey, fold(country.iso3()), country);
            putOnce(countriesByKey, fold(country.name()), country);
            country.aliases().forEach(alias -> putOnce(countriesByKey, fold(alias), country));
            if (country.isoNumeric() != null) {
                putOnce(countriesByNumeric, country.isoNumeric(), country);
            }
            if (country.gwno() != null) {
                putOnce(countriesByGwno, country.gwno(), country);
            }
        }
        for (Region region : regions) {
            putOnce(regionsById, region.id(), region);
            putOnce(regionsByKey, regionKey(region.iso3(), region.admin1()), region);
            putOnce(regionsByKey, fold(region.id()), region);
            region.aliases().forEach(alias -> putOnce(regionsByKey, regionKey(region.iso3(), alias), region));
        }
    }

    /** Fails the load when two entries claim one name or number: a lookup must never depend on file order. */
    private static <K, V> void putOnce(Map<K, V> map, K key, V value) {
        V earlier = map.putIfAbsent(key, value);
        if (earlier != null && !earlier.equals(value)) {
            throw new IllegalStateException("gazetteer: '" + key + "' names both " + earlier + " and " + value);
        }
    }

    /** The gazetteer bundled with the project (see NOTICE for sources and licences). */
    public static Gazetteer bundled() {
        return Holder.BUNDLED;
    }

    public Collection<Region> knownRegions() {
        return regionsById.values();
    }

    /** Every country, ISO 3166-1 and Kosovo. */
    public Collection<Country> knownCountries() {
        return countries;
    }

    /** The country for a name, alias, ISO3 code or ISO numeric code ({@code 466}, {@code 068}). */
    public Optional<Country> country(String nameOrCode) {
        if (nameOrCode == null) {
            return Optional.empty();
        }
        String trimmed = nameOrCode.trim();
        if (isNumericCode(trimmed)) {
            return Optional.ofNullable(countriesByNumeric.get(Integer.valueOf(trimmed)));
        }
        return Optional.ofNullable(countriesByKey.get(fold(trimmed)));
    }

    /** A country by Gleditsch-Ward number, as ACLED files before ISO codes and UCDP's {@code country_id} give it. */
    public Optional<Country> countryByGwno(int gwno) {
        return Optional.ofNullable(countriesByGwno.get(gwno));
    }

    /**
     * The region of an admin-1 name within a country given by ISO3: the gazetteer's region when
     * the name or an alias matches, otherwise an unknown region named as given.
     */
    public Region region(String iso3, String countryName, String admin1) {
        String name = admin1 == null || admin1.isBlank() ? "Unknown" : admin1.trim();
        Region known = regionsByKey.get(regionKey(iso3, name));
        if (known != null) {
            return known;
        }
        return new Region(Region.idOf(iso3, ascii(name)), iso3, countryName, name, null, null, null, List.of(), false);
    }

    /**
     * Resolves what an analyst types: a region id ({@code MLI.Mopti}), or
     * {@code Country/Admin1} with any alias ({@code Mali/Ségou}, {@code MLI/Timbuktu}).
     */
    public Optional<Region> lookup(String query) {
        if (query == null || query.isBlank()) {
            return Optional.empty();
        }
        Region byId = regionsByKey.get(fold(query.trim()));
        if (byId != null) {
            return Optional.of(byId);
        }
        int slash = query.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return country(query.substring(0, slash).trim())
                .map(c -> regionsByKey.get(regionKey(c.iso3(), query.substring(slash + 1).trim())));
    }

    /** Lower case, accents removed, inner space collapsed: the comparison form of a name. */
    public static String fold(String name) {
        // Every ingested row folds its country and region names, of which there are few: remembered.
        String folded = FOLDED.get(name);
        if (folded == null) {
            folded = SPACES.matcher(ascii(name).toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
            if (FOLDED.size() >= FOLDED_MAX) {
                FOLDED.clear();
            }
            FOLDED.put(name, folded);
        }
        return folded;
    }

    private static String ascii(String name) {
        // Every ingested row folds its country and region names: compiled once, not per call.
        return MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
    }

    /** One to three ASCII digits, as {@code \\d{1,3}} matches, without a regular expression per row. */
    private static boolean isNumericCode(String text) {
        if (text.isEmpty() || text.length() > 3) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String regionKey(String iso3, String admin1) {
        return fold(iso3) + "|" + fold(admin1);
    }

    private static final class Holder {
        static final Gazetteer BUNDLED = load();

        private static Gazetteer load() {
            List<Country> countries = new ArrayList<>();
            for (Map<String, String> row : read("countries.csv")) {
                countries.add(new Country(row.get("iso3"), row.get("name"), integerOrNull(row.get("iso_numeric")),
                        integerOrNull(row.get("gwno")), split(row.get("aliases"))));
            }
            Map<String, Country> byIso3 = new HashMap<>();
            countries.forEach(c -> byIso3.put(c.iso3(), c));
            List<Region> regions = new ArrayList<>();
            for (Map<String, String> row : read("admin1.csv")) {
                String iso3 = row.get("iso3");
                String admin1 = row.get("admin1");
                String population = row.get("population");
                regions.add(new Region(Region.idOf(iso3, ascii(admin1)), iso3, byIso3.get(iso3).name(), admin1,
                        blankToNull(row.get("pcode")), blankToNull(row.get("iso3166_2")),
                        population == null || population.isBlank() ? null : Long.valueOf(population),
                        split(row.get("aliases")), true));
            }
            return new Gazetteer(countries, regions);
        }

        private static List<Map<String, String>> read(String resource) {
            CsvMapper mapper = new CsvMapper();
            try (InputStream in = Gazetteer.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("gazetteer resource missing: " + resource);
                }
                MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader()).readValues(in);
                return rows.readAll();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> split(String list) {
            return list == null || list.isBlank() ? List.of() : List.of(list.split("\\|"));
        }

        private static Integer integerOrNull(String value) {
            return value == null || value.isBlank() ? null : Integer.valueOf(value);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
