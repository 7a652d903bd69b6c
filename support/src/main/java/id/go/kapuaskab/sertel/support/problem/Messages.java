package id.go.kapuaskab.sertel.support.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.WeakHashMap;
import org.jboss.logging.Logger;

/**
 * Human text for problems, in Indonesian (the default) or English. A service's own
 * {@code problems.properties} (Indonesian) and {@code problems_en.properties} are read first, then the
 * shared {@code sertel-problems*.properties} of this module. Keys are {@code <code>.title},
 * {@code <code>.detail} and {@code field.<code>}; texts are {@link MessageFormat} patterns over the
 * exception's arguments. A key missing in English falls back to Indonesian rather than to the code.
 */
public final class Messages {

    public static final Locale INDONESIAN = Locale.forLanguageTag("id");
    public static final List<Locale> SUPPORTED = List.of(INDONESIAN, Locale.ENGLISH);

    private static final Logger LOG = Logger.getLogger(Messages.class);
    private static final List<String> BUNDLES = List.of("problems", "sertel-problems");
    private static final Map<ClassLoader, Texts> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private Messages() {
    }

    /**
     * The supported locale the caller prefers by {@code Accept-Language}; Indonesian when the header is
     * absent, unparseable or names only languages we do not speak.
     */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 256) {
            return INDONESIAN;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? INDONESIAN : match;
        } catch (IllegalArgumentException e) {
            return INDONESIAN;
        }
    }

    public static String title(String code, Locale locale) {
        return find(code + ".title", locale).orElseGet(() -> missing(code + ".title", code));
    }

    /** The detail text, or {@code null} when the problem has none beyond its title. */
    public static String detail(String code, Locale locale, Object... args) {
        return find(code + ".detail", locale).map(pattern -> format(pattern, locale, args)).orElse(null);
    }

    public static String field(String code, Locale locale, Object... args) {
        return find("field." + code, locale)
                .map(pattern -> format(pattern, locale, args))
                .orElseGet(() -> missing("field." + code, code));
    }

    /** Whether the locale's own files (not its fallback) define the key; for bundle-completeness tests. */
    public static boolean definedIn(String key, Locale locale) {
        return texts().own(isEnglish(locale)).stream().anyMatch(p -> p.containsKey(key));
    }

    /** Every key of every problems file visible to this service, for bundle-completeness tests. */
    public static List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        Texts texts = texts();
        for (Properties p : texts.indonesian) {
            p.stringPropertyNames().forEach(keys::add);
        }
        for (Properties p : texts.english) {
            p.stringPropertyNames().forEach(keys::add);
        }
        return keys.stream().distinct().sorted().toList();
    }

    private static Optional<String> find(String key, Locale locale) {
        Texts texts = texts();
        List<Properties> order = new ArrayList<>();
        if (isEnglish(locale)) {
            order.addAll(texts.english);
        }
        order.addAll(texts.indonesian);
        for (Properties p : order) {
            String value = p.getProperty(key);
            if (value != null) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    private static Texts texts() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Messages.class.getClassLoader();
        }
        ClassLoader key = loader;
        return CACHE.computeIfAbsent(key, Texts::load);
    }

    private static String format(String pattern, Locale locale, Object... args) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    private static String missing(String key, String fallback) {
        LOG.warnf("No problem text for key %s", key);
        return fallback;
    }

    private record Texts(List<Properties> indonesian, List<Properties> english) {

        List<Properties> own(boolean englishFiles) {
            return englishFiles ? english : indonesian;
        }

        static Texts load(ClassLoader loader) {
            List<Properties> id = new ArrayList<>();
            List<Properties> en = new ArrayList<>();
            for (String name : BUNDLES) {
                id.addAll(read(loader, name + ".properties"));
                en.addAll(read(loader, name + "_en.properties"));
            }
            return new Texts(List.copyOf(id), List.copyOf(en));
        }

        private static List<Properties> read(ClassLoader loader, String resource) {
            List<Properties> found = new ArrayList<>();
            try {
                Enumeration<URL> urls = loader.getResources(resource);
                while (urls.hasMoreElements()) {
                    Properties p = new Properties();
                    try (InputStream in = urls.nextElement().openStream()) {
                        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                    }
                    found.add(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + resource, e);
            }
            return found;
        }
    }
}
