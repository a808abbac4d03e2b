package com.omnicanal.campaign.tracking;

import com.omnicanal.qr.QrImages;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
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
        return QrImages.png(link(code), size);
    }

    byte[] svg(String code) {
        return QrImages.svg(link(code));
    }
}
