#include "sample.h"

namespace dv {

static const char kDay1[] = R"MD(## Daily Papers (2025-05-08)

### [Unified Multimodal Understanding and Generation Models: Advances, Challenges, and Opportunities](https://arxiv.org/abs/2505.02567)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.02567.png)

Vote: 52

Authors: Weihua Luo, Xinjie Zhang, Qing-Guo Chen, Jintao Guo, Zhao Xu, Guo-Hua Wang, Kaifu Zhang, Lunhao Duan, Shanshan Zhao, Minghao Fu

- ***What's New***: 이미지를 **이해**하는 모델과 **생성**하는 모델을 하나로 합치려는 연구 흐름을 정리한 서베이입니다. 확산(diffusion) 기반, 자기회귀(autoregressive) 기반, 그리고 둘을 섞은 방식으로 나누어 설명합니다.
- ***Technical Details***: 각 방식이 이미지를 토큰으로 바꾸는 방법과 텍스트와 이미지를 한 시퀀스에서 다루는 방법을 비교하고, 공개된 데이터셋과 벤치마크를 표로 모았습니다.
- ***Performance Highlights***: 통합 모델은 아직 전용 모델보다 약한 과제가 남아 있으며, 토크나이저 설계와 평가 기준이 앞으로의 핵심 과제로 꼽힙니다.

### [ZeroSearch: Incentivize the Search Capability of LLMs without Searching](https://arxiv.org/abs/2505.04588)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.04588.png)

Vote: 30

Authors: Pengjun Xie, Yingyan Hou, Xuanbo Fan, Hao Sun, Yan Zhang, Fei Huang, Zile Qiao, Yong Jiang, Jiayan Guo

- ***What's New***: 실제 검색 엔진을 호출하지 않고도 LLM의 검색 능력을 강화학습으로 키우는 방법입니다.
- ***Technical Details***: 작은 LLM이 검색 결과 문서를 *흉내 내어* 만들어 주고, 학습이 진행될수록 일부러 질 낮은 문서를 섞어 난이도를 높이는 커리큘럼을 씁니다.
- ***Performance Highlights***: API 비용 없이 실제 검색 엔진을 쓴 학습과 비슷하거나 더 나은 결과를 보고합니다.

### [Beyond Recognition: Evaluating Visual Perspective Taking in Vision Language Models](https://arxiv.org/abs/2505.03821)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.03821.png)

Vote: 19

Authors: Michał Nauman, Maciej Wołczyk, Alicja Ziarko, Michał Kosiński, Piotr Miłoś, Gracjan Góral

- ***What's New***: 시각-언어 모델이 **다른 사람의 시점**에서 장면을 볼 수 있는지 묻는 벤치마크입니다.
- ***Technical Details***: 같은 물체 배치를 여러 관점에서 보여 주고, 장면 이해, 공간 추론, 시점 전환의 세 단계로 질문을 나눕니다.
- ***Performance Highlights***: 모델들은 장면 인식은 잘하지만 시점 전환 질문에서는 정확도가 크게 떨어집니다.

### [R&B: Domain Regrouping and Data Mixture Balancing for Efficient Foundation Model Training](https://arxiv.org/abs/2505.00358)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2505.00358.png)

Vote: 15

Authors: Satya Sai Srinath Namburi GNVV, Ziyi Chu, Avi Trost, Albert Ge, John Cooper, Ziyang Cai, Frederic Sala, Nicholas Roberts, Tzu-Heng Huang, Kendall Park

- ***What's New***: 학습 데이터를 의미에 따라 다시 묶고, 묶음별 비율을 학습 중에 조정하는 데이터 혼합 방법입니다.
- ***Technical Details***: 그래디언트 정보로 도메인 간 유사도를 구해 혼합 비율을 갱신하므로 추가 계산이 거의 없습니다.
- ***Performance Highlights***: 기존 데이터 혼합 기법과 비슷한 성능을 훨씬 적은 계산으로 얻습니다.

## Daily Papers (2025-05-08)

### [HunyuanCustom: A Multimodal-Driven Architecture for Customized Video Generation](https://arxiv.org/abs/2505.04512)

Vote: 13

Authors: Qinglin Lu, Zhengguang Zhou, Sen Liang, Qin Lin, Yuan Zhou, Teng Hu, Zhentao Yu

- ***What's New***: 인물이나 물체의 정체성을 유지하면서 텍스트, 이미지, 오디오, 비디오로 조건을 주는 맞춤형 비디오 생성 모델입니다.
- ***Technical Details***: 조건마다 별도의 주입 모듈을 두고, 정체성 특징을 프레임 전체에 퍼뜨리는 모듈을 더했습니다.
- ***Performance Highlights***: 정체성 일관성과 텍스트 정렬에서 공개 및 상용 모델보다 높은 점수를 보고합니다.
)MD";

static const char kDay2[] = R"MD(## Daily Papers (2024-06-06)

### [Parrot: Multilingual Visual Instruction Tuning](https://arxiv.org/abs/2406.02539)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.02539.png)

Vote: 24

Authors: Chao Yi, Qing-Guo Chen, Zhao Xu, Weihua Luo, Da-Wei Zhou, Kaifu Zhang, Yang Li, Shiyin Lu, De-Chuan Zhan, Han-Jia Ye, Hai-Long Sun

- 영어 위주의 데이터로 시각 인코더를 맞추면 다국어 능력이 약해진다는 문제에서 출발합니다.
- 언어별 텍스트 지시로 시각 토큰을 조정하고, 전문가 혼합(MoE)으로 언어에 맞는 변환을 고릅니다.
- 여러 언어로 된 평가 세트(MMMB)를 새로 만들어 공개합니다.

### [Mobile-Agent-v2: Mobile Device Operation Assistant with Effective Navigation via Multi-Agent Collaboration](https://arxiv.org/abs/2406.01014)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.01014.png)

Vote: 22

Authors: Fei Huang, Haitao Jia, Junyang Wang, Xi Zhang, Haiyang Xu, Ji Zhang, Ming Yan, Weizhou Shen, Jitao Sang

- 휴대폰 조작을 계획, 결정, 반성의 세 에이전트로 나누어 긴 작업에서도 길을 잃지 않게 합니다.
- 작업 진행 상황과 화면에서 찾은 중요한 내용을 따로 기록하는 메모리를 둡니다.
- 단일 에이전트 방식보다 작업 완료율이 크게 오릅니다.

### [Block Transformer: Global-to-Local Language Modeling for Fast Inference](https://arxiv.org/abs/2406.02657)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2406.02657.png)

Vote: 18

Authors: Sangmin Bae, Hyunjik Jo, Tal Schuster, James Thorne, Adam Fisch, Namgyu Ho, Yireun Kim, Se-Young Yun, Taehyeon Kim

- 토큰을 블록으로 묶어 앞부분은 블록 단위로, 블록 안은 지역적으로 처리해 추론을 빠르게 합니다.
- `KV cache`를 읽는 비용이 줄어들어 같은 품질에서 처리량이 여러 배 늘어납니다.

### [Ouroboros3D: Image-to-3D Generation via 3D-aware Recursive Diffusion](https://arxiv.org/abs/2406.03184)

Vote: 14

Authors: Hao Wen, Yu Qiao, Lu Sheng, Xinyuan Chen, Yaohui Wang, Zehuan Huang

- 여러 시점 이미지 생성과 3D 재구성을 한 번의 재귀적 확산 과정으로 묶습니다.
- 재구성된 3D 정보를 다음 단계의 조건으로 되먹여 시점 사이의 일관성을 높입니다.

### [Audio Mamba: Bidirectional State Space Model for Audio Representation Learning](https://arxiv.org/abs/2406.03344)

Vote: 7

Authors: Mehmet Hamza Erol, Joon Son Chung, Jiu Feng, Arda Senocak

- 오디오 분류에서 self-attention 대신 양방향 상태 공간 모델(SSM)을 씁니다.
- 긴 입력에서 트랜스포머보다 메모리와 시간이 적게 들면서 비슷한 정확도를 냅니다.
)MD";

const std::vector<SampleFile>& sample_files() {
    static const std::vector<SampleFile> files = {
        {"sample/2025-05-08.md", kDay1},
        {"sample/2024-06-06.md", kDay2},
    };
    return files;
}

}  // namespace dv
