package com.omnicanal.conversation.bot;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.StopFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** Turns free text into the set of stems that carry its meaning, the same way for questions and messages. */
final class Terms {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Chat filler that Lucene's stop lists keep but that says nothing about the question. */
    private static final List<String> FILLER = List.of(
            "hola", "buenas", "buenos", "dia", "dias", "tarde", "tardes", "noche", "noches", "gracias", "favor",
            "quiero", "quisiera", "queria", "saber", "necesito", "puedo", "podria", "puede", "pueden", "podeis", "cuales", "quienes",
            "hi", "hello", "hey", "please", "thanks", "thank", "want", "would", "like", "know", "need", "can",
            "could", "how", "what", "when", "where", "why", "which", "who", "do", "does", "did", "i", "me", "my",
            "you", "your", "we", "our", "us", "am", "tell", "there", "any", "some", "have", "has", "get");

    // Messages mix languages, so both stop lists apply whatever the FAQ language.
    private static final CharArraySet STOP_WORDS = stopWords();

    private static final Analyzer SPANISH = new StemmingAnalyzer(SpanishLightStemFilter::new);
    private static final Analyzer ENGLISH = new StemmingAnalyzer(PorterStemFilter::new);
    private static final Analyzer OTHER = new StemmingAnalyzer(UnaryOperator.identity());

    private Terms() {
    }

    /** Lower case, accents and punctuation removed, words separated by single spaces. */
    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(plain).replaceAll(" ").strip();
    }

    /** The distinct stems of the text, stop words dropped, stemmed for the language ("es", "en-GB", …). */
    static Set<String> of(String text, String language) {
        Set<String> stems = new LinkedHashSet<>();
        try (TokenStream tokens = analyzer(language).tokenStream("text", normalise(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                stems.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stems;
    }

    /** The primary subtag: "es-MX" → "es". */
    static String primaryLanguage(String language) {
        if (language == null) {
            return "";
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).strip().toLowerCase(Locale.ROOT);
    }

    private static Analyzer analyzer(String language) {
        return switch (primaryLanguage(language)) {
            case "es" -> SPANISH;
            case "en" -> ENGLISH;
            default -> OTHER;
        };
    }

    private static CharArraySet stopWords() {
        CharArraySet stop = new CharArraySet(512, false);
        addNormalised(stop, SpanishAnalyzer.getDefaultStopSet());
        addNormalised(stop, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        addNormalised(stop, FILLER);
        return CharArraySet.unmodifiableSet(stop);
    }

    private static void addNormalised(CharArraySet target, Iterable<?> words) {
        for (Object word : words) {
            String plain = normalise(word instanceof char[] chars ? new String(chars) : String.valueOf(word));
            if (!plain.isEmpty()) {
                target.add(plain);
            }
        }
    }

    private static final class StemmingAnalyzer extends Analyzer {

        private final UnaryOperator<TokenStream> stemmer;

        StemmingAnalyzer(UnaryOperator<TokenStream> stemmer) {
            this.stemmer = stemmer;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            // single letters ("y", "a", the "s" of "what's") carry no meaning once punctuation is gone
            TokenStream result = new LengthFilter(source, 2, Integer.MAX_VALUE);
            result = new StopFilter(result, STOP_WORDS);
            return new TokenStreamComponents(source, stemmer.apply(result));
        }
    }
}
