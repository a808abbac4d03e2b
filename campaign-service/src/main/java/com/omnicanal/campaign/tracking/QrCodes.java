package com.omnicanal.campaign.tracking;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Campaign QR codes for print, billboards and stores: each is a tracked link with a place, drawn by ZXing as PNG or
 * SVG; a campaign's codes are listed from one index document (no scan).
 */
@Component
class QrCodes {

    private static final String BY_CAMPAIGN = "qr_campaigns";

    private final MongoTemplate mongo;
    private final TrackedLinks links;

    QrCodes(MongoTemplate mongo, TrackedLinks links) {
        this.mongo = mongo;
        this.links = links;
    }

    Document create(String campaign, String name, String place, String url, String journeyId, String actor) {
        String code = TrackedLinks.newCode();
        Document qr = new Document("_id", code).append("kind", "qr").append("campaign", campaign).append("name", name)
                .append("place", place).append("url", url).append("journeyId", journeyId).append("clicks", 0)
                .append("knownClicks", 0).append("conversions", 0).append("revenueCents", 0L)
                .append("createdBy", actor).append("createdAt", Instant.now());
        mongo.insert(qr, TrackedLinks.LINKS);
        mongo.upsert(query(where("_id").is(campaign)), new Update().addToSet("codes", code), BY_CAMPAIGN);
        return qr;
    }

    Optional<Document> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Document.class, TrackedLinks.LINKS))
                .filter(d -> "qr".equals(d.getString("kind")));
    }

    List<Document> ofCampaign(String campaign) {
        Document index = mongo.findById(campaign, Document.class, BY_CAMPAIGN);
        return index == null ? List.of() : mongo.find(query(where("_id").in(index.getList("codes", String.class))),
                Document.class, TrackedLinks.LINKS);
    }

    String link(String code) {
        return links.link(code);
    }

    byte[] png(String code, int size) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            MatrixToImageWriter.writeToStream(matrix(code, size), "PNG", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] svg(String code) {
        BitMatrix m = matrix(code, 1); // one unit per module: the viewer scales it
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(m.getWidth()).append(' ').append(m.getHeight()).append("\" shape-rendering=\"crispEdges\">")
                .append("<title>").append(link(code)).append("</title>")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    svg.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return svg.append("\"/></svg>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private BitMatrix matrix(String code, int size) {
        try {
            return new QRCodeWriter().encode(link(code), BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }
}
