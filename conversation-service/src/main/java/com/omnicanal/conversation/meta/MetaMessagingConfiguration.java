package com.omnicanal.conversation.meta;

import com.omnicanal.conversation.channel.ChannelConnector;
import com.omnicanal.conversation.channel.CustomerSimulator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** One Send API connector and one sandbox simulator per Meta messaging channel. */
@Configuration(proxyBeanMethods = false)
class MetaMessagingConfiguration {

    @Bean
    ChannelConnector messengerSendApi(MetaAppsProperties properties) {
        return new MetaSendApi("messenger", properties.of("messenger"));
    }

    @Bean
    ChannelConnector instagramSendApi(MetaAppsProperties properties) {
        return new MetaSendApi("instagram", properties.of("instagram"));
    }

    @Bean
    CustomerSimulator messengerSimulator(MetaAppsProperties properties, JsonMapper json) {
        return new MetaMessagingSimulator("messenger", properties.of("messenger"), json);
    }

    @Bean
    CustomerSimulator instagramSimulator(MetaAppsProperties properties, JsonMapper json) {
        return new MetaMessagingSimulator("instagram", properties.of("instagram"), json);
    }
}
