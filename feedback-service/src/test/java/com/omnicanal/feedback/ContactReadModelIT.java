package com.omnicanal.feedback;

import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.contract.ContactReadModelContract;

@OmniServiceTest
class ContactReadModelIT extends ContactReadModelContract {

    ContactReadModelIT() {
        super("/api/feedback/contacts");
    }
}
