package org.convergence.loader.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The approximate nearest neighbours of each of a set of unit vectors by cosine, found with Lucene's
 * HNSW graph (a {@link KnnFloatVectorField} index in memory, one segment, written by one thread, so the
 * graph and the answers are the same on every run). Building costs about {@code O(n·log n)} distance
 * computations and each query {@code O(k·log n)}, where comparing every pair costs {@code O(n²)}.
 */
final class NearestNeighbours {

    private NearestNeighbours() {
    }

    /**
     * @param vectors unit vectors, all of one dimension
     * @param k neighbours per vector
     * @return for each vector the indices of up to {@code k} others, nearest first
     */
    static int[][] of(float[][] vectors, int k) {
        int[][] out = new int[vectors.length][];
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig().setRAMBufferSizeMB(1024)
                    .setMaxBufferedDocs(Math.max(2, vectors.length + 1)).setUseCompoundFile(false);
            try (IndexWriter writer = new IndexWriter(dir, config)) {
                for (int i = 0; i < vectors.length; i++) {
                    Document d = new Document();
                    d.add(new KnnFloatVectorField("v", vectors[i], VectorSimilarityFunction.DOT_PRODUCT));
                    d.add(new StoredField("i", i));
                    writer.addDocument(d);
                }
                writer.forceMerge(1);
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                int[] indexOf = new int[reader.maxDoc()];
                for (int doc = 0; doc < indexOf.length; doc++) {
                    indexOf[doc] = reader.storedFields().document(doc).getField("i").numericValue().intValue();
                }
                for (int i = 0; i < vectors.length; i++) {
                    ScoreDoc[] hits = searcher.search(new KnnFloatVectorQuery("v", vectors[i], k + 1), k + 1).scoreDocs;
                    int self = i;
                    out[i] = Arrays.stream(hits).mapToInt(h -> indexOf[h.doc]).filter(j -> j != self).limit(k).toArray();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Lucene's in-memory vector index failed", e);
        }
        return out;
    }
}
