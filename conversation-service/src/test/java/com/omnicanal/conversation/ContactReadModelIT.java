package com.omnicanal.conversation;

import com.omnicanal.testing.OmniServiceTest;
import com.omnicanal.testing.contract.ContactReadModelContract;

@OmniServiceTest
class ContactReadModelIT extends ContactReadModelContract {

    ContactReadModelIT() {
        super("/api/conversations/contacts");
    }
}
