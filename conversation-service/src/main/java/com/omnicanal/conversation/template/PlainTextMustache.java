package com.omnicanal.conversation.template;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.DefaultMustacheVisitor;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheException;
import com.github.mustachejava.MustacheNotFoundException;
import com.github.mustachejava.MustacheVisitor;
import com.github.mustachejava.TemplateContext;
import com.github.mustachejava.codes.ValueCode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mustache for plain-text messages: no HTML escaping, no partials (they would read files), and a value
 * tag with nothing to show is an error instead of an empty string. Compiled templates are kept in a
 * small LRU cache keyed by their source.
 */
final class PlainTextMustache {

    private static final int CACHE_SIZE = 512;
    private static final Factory FACTORY = new Factory();
    private static final Map<String, Mustache> COMPILED = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Mustache> eldest) {
            return size() > CACHE_SIZE;
        }
    });

    private PlainTextMustache() {
    }

    /** Throws {@link MustacheException} when the source does not parse. */
    static Mustache compile(String source) {
        return COMPILED.computeIfAbsent(source, s -> FACTORY.compile(new StringReader(s), "template"));
    }

    /** Throws {@link MissingVariable} when a value tag that is reached finds nothing (or null). */
    static String render(String source, Map<String, ?> variables) {
        StringWriter out = new StringWriter();
        try {
            compile(source).execute(out, List.of(variables)).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MustacheException e) {
            throw missingVariable(e).orElseThrow(() -> e);
        }
        return out.toString();
    }

    static int cached() {
        return COMPILED.size();
    }

    private static Optional<MissingVariable> missingVariable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MissingVariable missing) {
                return Optional.of(missing);
            }
        }
        return Optional.empty();
    }

    /** A value tag named a variable the caller did not give. */
    static final class MissingVariable extends RuntimeException {

        private final String name;

        MissingVariable(String name) {
            super("missing variable " + name, null, false, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private static final class Factory extends DefaultMustacheFactory {

        @Override
        public void encode(String value, Writer writer) {
            try {
                writer.write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Reader getReader(String resourceName) {
            throw new MustacheNotFoundException(resourceName);
        }

        @Override
        public MustacheVisitor createMustacheVisitor() {
            return new DefaultMustacheVisitor(this) {
                @Override
                public void value(TemplateContext tc, String variable, boolean encoded) {
                    list.add(new RequiredValueCode(tc, df, variable, encoded));
                }
            };
        }
    }

    private static final class RequiredValueCode extends ValueCode {

        RequiredValueCode(TemplateContext tc, DefaultMustacheFactory df, String variable, boolean encoded) {
            super(tc, df, variable, encoded);
        }

        @Override
        public Object get(List<Object> scopes) {
            Object value = super.get(scopes);
            if (value == null) {
                throw new MissingVariable(name);
            }
            return value;
        }
    }
}
