package com.omnicanal.campaign;

import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.contract.ContactReadModelContract;

@OmniServiceTest
class ContactReadModelIT extends ContactReadModelContract {

    ContactReadModelIT() {
        super("/api/campaigns/contacts");
    }
}
