package cn.zhiben.monitoring.internal;

import cn.zhiben.monitoring.MonitoringProperties;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPubAckMessage;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * The built-in MQTT ingestion endpoint (decision 0010), on Netty's MQTT codec: devices connect with their device code
 * as user name and their secret as password, and publish to {@code zhiben/v1/<device code>/readings}. A QoS 1 PUBLISH
 * is answered with PUBACK (QoS 2: PUBREC) only after its readings are committed — and in the order the PUBLISHes
 * arrived (MQTT 3.1.1 §4.6). A device that gets no acknowledgement (the platform crashed) sends again; the device
 * sequence number makes the second copy a no-op. This is an ingestion endpoint, not a general broker: SUBSCRIBE is
 * refused (0x80). Under overload the endpoint stops reading from sockets (TCP flow control slows the publishers).
 */
@Component
public class MqttEndpoint implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MqttEndpoint.class);
    /** Unacknowledged PUBLISHes one connection may have before its socket is no longer read. */
    private static final int MAX_PENDING = 2000;

    private final MonitoringProperties.Mqtt config;
    private final PointRegistry registry;
    private final Intake intake;
    private final IngestPipeline pipeline;
    private final Rejections rejections;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel server;
    private volatile int boundPort = -1;
    private volatile boolean running;

    MqttEndpoint(MonitoringProperties properties, PointRegistry registry, Intake intake, IngestPipeline pipeline,
                 Rejections rejections) {
        this.config = properties.mqtt();
        this.registry = registry;
        this.intake = intake;
        this.pipeline = pipeline;
        this.rejections = rejections;
    }

    /** The port actually listened on (useful when configured as 0), or -1 when off. */
    public int port() {
        return boundPort;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!config.enabled()) {
            return;
        }
        registry.reload();
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        int maxBytes = (int) config.maxMessageSize().toBytes();
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("decoder", new MqttDecoder(maxBytes));
                        ch.pipeline().addLast("encoder", MqttEncoder.INSTANCE);
                        ch.pipeline().addLast("device", new Connection());
                        channels.add(ch);
                        if (pipeline.overloaded()) {
                            ch.config().setAutoRead(false);
                        }
                    }
                });
        try {
            server = b.bind(config.host(), config.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("MQTT endpoint interrupted while binding", e);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT 接入端口 " + config.port() + " 无法监听（zhiben.monitoring.mqtt.port）", e);
        }
        boundPort = ((InetSocketAddress) server.localAddress()).getPort();
        pipeline.onOverload(over -> channels.forEach(c -> c.config().setAutoRead(!over)));
        log.info("Monitoring MQTT endpoint listening on port {} (topic zhiben/v1/<device>/readings)", boundPort);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (server != null) {
            server.close().syncUninterruptibly();
            channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
            server = null;
            boundPort = -1;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the ingestion pipeline starts; before it stops. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static final class Pending {
        final int messageId;
        final MqttQoS qos;
        boolean done;

        Pending(int messageId, MqttQoS qos) {
            this.messageId = messageId;
            this.qos = qos;
        }
    }

    /** One device connection; every method runs on the connection's event loop. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private DeviceInfo device;
        /** The one topic this device may publish to (made once per connection, not per PUBLISH). */
        private String topic;
        private final ArrayDeque<Pending> pending = new ArrayDeque<>();
        private boolean pausedByPending;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                MqttMessage m = (MqttMessage) msg;
                if (m.decoderResult().isFailure()) {
                    rejections.reject(Rejections.Channel.MQTT, RejectReason.MALFORMED, code(), null,
                            "MQTT 报文无法解析：" + m.decoderResult().cause().getMessage(), null);
                    ctx.close();
                    return;
                }
                MqttMessageType type = m.fixedHeader().messageType();
                if (device == null && type != MqttMessageType.CONNECT) {
                    ctx.close();
                    return;
                }
                switch (type) {
                    case CONNECT -> connect(ctx, (MqttConnectMessage) m);
                    case PUBLISH -> publish(ctx, (MqttPublishMessage) m);
                    case PUBREL -> ctx.writeAndFlush(new MqttMessage(fixed(MqttMessageType.PUBCOMP),
                            MqttMessageIdVariableHeader.from(((MqttMessageIdVariableHeader) m.variableHeader()).messageId())));
                    case PINGREQ -> ctx.writeAndFlush(new MqttMessage(fixed(MqttMessageType.PINGRESP)));
                    case SUBSCRIBE -> {
                        MqttSubscribeMessage s = (MqttSubscribeMessage) m;
                        int[] refused = new int[s.payload().topicSubscriptions().size()];
                        java.util.Arrays.fill(refused, 0x80);
                        ctx.writeAndFlush(new MqttSubAckMessage(fixed(MqttMessageType.SUBACK),
                                MqttMessageIdVariableHeader.from(s.variableHeader().messageId()), new MqttSubAckPayload(refused)));
                    }
                    case UNSUBSCRIBE -> ctx.writeAndFlush(new MqttUnsubAckMessage(fixed(MqttMessageType.UNSUBACK),
                            MqttMessageIdVariableHeader.from(((MqttUnsubscribeMessage) m).variableHeader().messageId())));
                    case DISCONNECT -> ctx.close();
                    default -> {
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void connect(ChannelHandlerContext ctx, MqttConnectMessage m) {
            if (device != null) {
                ctx.close();
                return;
            }
            int version = m.variableHeader().version();
            if (version != 3 && version != 4) {
                connAck(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
                return;
            }
            String user = m.payload().userName();
            byte[] pw = m.payload().passwordInBytes();
            DeviceInfo d = registry.device(user).filter(DeviceInfo::enabled).orElse(null);
            if (d == null || pw == null || !DeviceSecrets.matches(new String(pw, StandardCharsets.UTF_8), d.secretHash())) {
                rejections.reject(Rejections.Channel.MQTT, RejectReason.BAD_CREDENTIALS, user, null,
                        "设备 " + user + " 用户名或密钥错误", null);
                connAck(ctx, MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
                return;
            }
            device = d;
            topic = "zhiben/v1/" + d.code() + "/readings";
            int keepAlive = m.variableHeader().keepAliveTimeSeconds();
            if (keepAlive > 0) {
                ctx.pipeline().addFirst("idle", new IdleStateHandler(keepAlive * 3L / 2, 0, 0, TimeUnit.SECONDS));
            }
            ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(MqttConnectReturnCode.CONNECTION_ACCEPTED)
                    .sessionPresent(false).build());
        }

        private void connAck(ChannelHandlerContext ctx, MqttConnectReturnCode code) {
            MqttConnAckMessage ack = MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build();
            ctx.writeAndFlush(ack).addListener(f -> ctx.close());
        }

        private void publish(ChannelHandlerContext ctx, MqttPublishMessage m) {
            MqttQoS qos = m.fixedHeader().qosLevel();
            Pending p = qos == MqttQoS.AT_MOST_ONCE ? null : new Pending(m.variableHeader().packetId(), qos);
            if (p != null) {
                pending.addLast(p);
                if (pending.size() >= MAX_PENDING && !pausedByPending) {
                    pausedByPending = true;
                    ctx.channel().config().setAutoRead(false);
                }
            }
            byte[] payload = ByteBufUtil.getBytes(m.payload());
            if (!topic.equals(m.variableHeader().topicName())) {
                rejections.reject(Rejections.Channel.MQTT, RejectReason.FOREIGN_TOPIC, device.code(), null,
                        "主题 " + m.variableHeader().topicName() + " 不是 " + topic, new String(payload, StandardCharsets.UTF_8));
                done(ctx, p);
                return;
            }
            Intake.Checked c = intake.accept(Rejections.Channel.MQTT, device, payload);
            pipeline.submit(c.valid(), stored -> ctx.executor().execute(() -> {
                if (stored) {
                    done(ctx, p);
                } else {
                    // not stored: no acknowledgement; the device sends it again after reconnecting
                    ctx.close();
                }
            }));
        }

        private void done(ChannelHandlerContext ctx, Pending p) {
            if (p == null) {
                return;
            }
            p.done = true;
            boolean wrote = false;
            while (!pending.isEmpty() && pending.peekFirst().done) {
                Pending x = pending.pollFirst();
                MqttMessageIdVariableHeader id = MqttMessageIdVariableHeader.from(x.messageId);
                ctx.write(x.qos == MqttQoS.AT_LEAST_ONCE
                        ? new MqttPubAckMessage(fixed(MqttMessageType.PUBACK), id)
                        : new MqttMessage(fixed(MqttMessageType.PUBREC), id));
                wrote = true;
            }
            if (wrote) {
                ctx.flush();
            }
            if (pausedByPending && pending.size() < MAX_PENDING / 4) {
                pausedByPending = false;
                if (!pipeline.overloaded()) {
                    ctx.channel().config().setAutoRead(true);
                }
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof IdleStateEvent) {
                ctx.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("MQTT connection of {} failed: {}", code(), cause.toString());
            ctx.close();
        }

        private String code() {
            return device == null ? null : device.code();
        }
    }

    private static MqttFixedHeader fixed(MqttMessageType type) {
        return new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0);
    }
}
