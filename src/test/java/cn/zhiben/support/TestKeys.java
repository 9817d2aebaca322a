package cn.zhiben.support;

/** Fixed 32-byte keys (base64) for the test instances; never used outside tests. */
public final class TestKeys {

    public static final String AUDIT = "dGVzdC1hdWRpdC1rZXktMzItYnl0ZXMtbG9uZy4uLi4=";
    public static final String TIPOFF = "dGVzdC10aXBvZmYta2V5LTMyLWJ5dGVzLWxvbmcuLi4=";

    private TestKeys() {
    }
}
