package com.diamondpricing.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.diamondpricing.TestData;
import org.junit.jupiter.api.Test;

class DatasetCodecTests {

  @Test
  void roundTripsEveryValueAndTheContentHash() {
    Dataset d = TestData.bundledClean();
    Dataset back = DatasetCodec.decode(DatasetCodec.encode(d));
    assertThat(back.size()).isEqualTo(d.size());
    assertThat(back.contentHash()).isEqualTo(d.contentHash());
    assertThat(back.diamond(123)).isEqualTo(d.diamond(123));
    assertThat(back.prices()).containsExactly(d.prices());
  }

  @Test
  void refusesBytesThatAreNotADataset() {
    assertThatThrownBy(() -> DatasetCodec.decode(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
