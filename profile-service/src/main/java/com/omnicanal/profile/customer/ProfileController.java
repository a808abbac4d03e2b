package com.omnicanal.profile.customer;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;

/** Staff read profiles and search them by name prefix (identifier search lives with identity resolution). */
@RestController
@RequestMapping("/api/profiles")
@PreAuthorize("hasAnyRole('agent', 'supervisor', 'admin')")
class ProfileController {

    private final ProfileStore profiles;
    private final MongoTemplate mongo;

    ProfileController(ProfileStore profiles, MongoTemplate mongo) {
        this.profiles = profiles;
        this.mongo = mongo;
    }

    @GetMapping("/{id}")
    ProfileResponse get(@PathVariable String id) {
        return profiles.find(id).filter(p -> p.status() != ProfileStatus.ERASED).map(ProfileResponse::of)
                .orElseThrow(ProfileStore::notFound);
    }

    @GetMapping(params = "name")
    List<ProfileResponse> searchByName(@RequestParam String name, @RequestParam(defaultValue = "20") int limit) {
        Query query = Query.query(Criteria.where("status").is(ProfileStatus.ACTIVE)
                        .and("name").regex("^" + Pattern.quote(name.strip()), "i"))
                .with(Sort.by("name")).limit(Math.clamp(limit, 1, 100));
        return mongo.find(query, Profile.class).stream().map(ProfileResponse::of).toList();
    }
}
