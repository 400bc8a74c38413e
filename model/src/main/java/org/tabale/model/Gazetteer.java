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
import java.util.Optional;

/**
 * Countries and admin-1 regions with their aliases, P-codes, ISO 3166-2 codes and population.
 * Lookups fold case and accents (Ségou = Segou = SEGOU) and accept any alias. A region absent
 * from the gazetteer is still given an id, under its own name, and flagged unknown.
 */
public final class Gazetteer {

    /** A country: ISO 3166-1 alpha-3, name, ISO numeric and ACLED's older Gleditsch-Ward number. */
    public record Country(String iso3, String name, int isoNumeric, int gwno, List<String> aliases) {
    }

    private final Map<String, Country> countriesByKey = new HashMap<>();
    private final Map<String, Region> regionsByKey = new HashMap<>();
    private final Map<String, Region> regionsById = new LinkedHashMap<>();

    private Gazetteer(List<Country> countries, List<Region> regions) {
        for (Country country : countries) {
            countriesByKey.put(fold(country.iso3()), country);
            countriesByKey.put(fold(country.name()), country);
            countriesByKey.put(String.valueOf(country.isoNumeric()), country);
            country.aliases().forEach(alias -> countriesByKey.put(fold(alias), country));
        }
        for (Region region : regions) {
            regionsById.put(region.id(), region);
            regionsByKey.put(regionKey(region.iso3(), region.admin1()), region);
            regionsByKey.put(fold(region.id()), region);
            region.aliases().forEach(alias -> regionsByKey.put(regionKey(region.iso3(), alias), region));
        }
    }

    /** The gazetteer bundled with the project (see NOTICE for sources and licences). */
    public static Gazetteer bundled() {
        return Holder.BUNDLED;
    }

    public Collection<Region> knownRegions() {
        return regionsById.values();
    }

    /** The country for a name, alias, ISO3 code or ISO numeric code. */
    public Optional<Country> country(String nameOrCode) {
        return nameOrCode == null ? Optional.empty() : Optional.ofNullable(countriesByKey.get(fold(nameOrCode)));
    }

    /** A country by Gleditsch-Ward number, for ACLED files before ISO codes. */
    public Optional<Country> countryByGwno(int gwno) {
        return countriesByKey.values().stream().filter(c -> c.gwno() == gwno).findFirst();
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
        return ascii(name).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    private static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    private static String regionKey(String iso3, String admin1) {
        return fold(iso3) + "|" + fold(admin1);
    }

    private static final class Holder {
        static final Gazetteer BUNDLED = load();

        private static Gazetteer load() {
            List<Country> countries = new ArrayList<>();
            for (Map<String, String> row : read("countries.csv")) {
                countries.add(new Country(row.get("iso3"), row.get("name"), Integer.parseInt(row.get("iso_numeric")),
                        Integer.parseInt(row.get("gwno")), split(row.get("aliases"))));
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

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }
}
